# isinstance/issubclass with single classes, tuples of classes, the
# builtin hierarchy (bool < int, every class < object), and their errors.
class Animal:
    pass
class Dog(Animal):
    pass
class Cat(Animal):
    pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Cat), isinstance(d, object), isinstance(d, (Cat, Dog)))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(Dog, (int, Animal)), issubclass(Cat, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (float, str)), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object), issubclass(object, type), isinstance(object, type))
print(isinstance([], (list, tuple)), isinstance((), list), isinstance("", str), isinstance(b"", bytes), isinstance({}, dict))
print(issubclass(KeyError, LookupError), issubclass(KeyError, Exception), issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception))
for bad in [lambda: isinstance(d, d), lambda: issubclass(d, Dog), lambda: issubclass(Dog, 5), lambda: isinstance(1, (int, 5))]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(1, ()), issubclass(Dog, ((Cat,), (Animal,))))
print(Dog.__bases__, Animal.__bases__, object.__bases__, Dog.__base__)
print(type(d) == Dog, type(d) == Animal, d.__class__ is Dog)
