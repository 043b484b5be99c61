# module: geometry helpers imported by the import_* programs.
PI = 3.14159
created = []


def area(r):
    return PI * r * r


def perimeter(r):
    return 2 * PI * r


class Circle:
    def __init__(self, r):
        self.r = r
        created.append(r)

    def area(self):
        return area(self.r)


if __name__ == "__main__":
    print("mod_shapes run as a script")
