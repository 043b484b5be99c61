# bench-arg: 550000
# test-arg: 5000
# Pystone: Weicker's Dhrystone 1.1 synthetic benchmark done in Python: a
# main loop calling eight small procedures and three functions over module
# globals, a linked record that is copied and relinked, integer and
# character arithmetic, string comparison and two global arrays. It keeps
# Dhrystone's shape (module-level `global` state, tiny calls, records with
# copy()) because that is what it measures: call overhead, global access
# and attribute access. Instead of a time it prints the final state, which
# Dhrystone itself defines as its check.
import sys

IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = range(1, 6)


class Record:
    def __init__(self, next_record=None, discriminant=0, enum_value=0,
                 int_value=0, string_value=""):
        self.next_record = next_record
        self.discriminant = discriminant
        self.enum_value = enum_value
        self.int_value = int_value
        self.string_value = string_value

    def copy(self):
        return Record(self.next_record, self.discriminant, self.enum_value,
                      self.int_value, self.string_value)


int_global = 0
bool_global = False
char_1_global = "\0"
char_2_global = "\0"
array_1_global = [0] * 51
array_2_global = [[0] * 51 for _ in range(51)]
record_global = None


def proc_1(record):
    next_record = record.next_record = record_global.copy()
    record.int_value = 5
    next_record.int_value = record.int_value
    next_record.next_record = record.next_record
    next_record.next_record = proc_3(next_record.next_record)
    if next_record.discriminant == IDENT_1:
        next_record.int_value = 6
        next_record.enum_value = proc_6(record.enum_value)
        next_record.next_record = record_global.next_record
        next_record.int_value = proc_7(next_record.int_value, 10)
    else:
        record = next_record.copy()
    next_record.next_record = None
    return record


def proc_2(value):
    local = value + 10
    while True:
        if char_1_global == "A":
            local -= 1
            value = local - int_global
            enum_local = IDENT_1
        if enum_local == IDENT_1:
            break
    return value


def proc_3(record):
    global int_global
    if record_global is not None:
        record = record_global.next_record
    else:
        int_global = 100
    record_global.int_value = proc_7(10, int_global)
    return record


def proc_4():
    global char_2_global
    bool_local = char_1_global == "A"
    bool_local = bool_local or bool_global
    char_2_global = "B"
    return bool_local


def proc_5():
    global char_1_global, bool_global
    char_1_global = "A"
    bool_global = False


def proc_6(enum_in):
    enum_out = enum_in
    if not func_3(enum_in):
        enum_out = IDENT_4
    if enum_in == IDENT_1:
        enum_out = IDENT_1
    elif enum_in == IDENT_2:
        enum_out = IDENT_1 if int_global > 100 else IDENT_4
    elif enum_in == IDENT_3:
        enum_out = IDENT_2
    elif enum_in == IDENT_5:
        enum_out = IDENT_3
    return enum_out


def proc_7(a, b):
    return a + 2 + b


def proc_8(array_1, array_2, int_1, int_2):
    global int_global
    local = int_1 + 5
    array_1[local] = int_2
    array_1[local + 1] = array_1[local]
    array_1[local + 30] = local
    for index in range(local, local + 2):
        array_2[local][index] = local
    array_2[local][local - 1] += 1
    array_2[local + 20][local] = array_1[local]
    int_global = 5


def func_1(char_1, char_2):
    char_local_1 = char_1
    char_local_2 = char_local_1
    if char_local_2 != char_2:
        return IDENT_1
    return IDENT_2


def func_2(string_1, string_2):
    index = 1
    while index <= 1:
        if func_1(string_1[index], string_2[index + 1]) == IDENT_1:
            char_local = "A"
            index += 1
    if "W" <= char_local <= "Z":
        index = 7
    if char_local == "X":
        return True
    if string_1 > string_2:
        index += 7
        return True
    return False


def func_3(enum_in):
    return enum_in == IDENT_3


def run(loops):
    global record_global, bool_global, int_global
    record_global = Record(Record(), IDENT_1, IDENT_3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    string_1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array_2_global[8][7] = 10
    for _ in range(loops):
        proc_5()
        proc_4()
        int_1 = 2
        int_2 = 3
        string_2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_local = IDENT_2
        bool_global = not func_2(string_1, string_2)
        while int_1 < int_2:
            int_3 = 5 * int_1 - int_2
            int_3 = proc_7(int_1, int_2)
            int_1 += 1
        proc_8(array_1_global, array_2_global, int_1, int_3)
        record_global = proc_1(record_global)
        char = "A"
        while char <= char_2_global:
            if enum_local == func_1(char, "C"):
                enum_local = proc_6(IDENT_1)
            char = chr(ord(char) + 1)
        int_3 = int_2 * int_1
        int_2 = int_3 // int_1
        int_2 = 7 * (int_3 - int_2) - int_1
        int_1 = proc_2(int_1)
    return int_1, int_2, int_3, enum_local, string_2


def main(loops):
    int_1, int_2, int_3, enum_local, string_2 = run(loops)
    print("loops:", loops)
    print("int_global:", int_global, "bool_global:", bool_global)
    print("char_1_global:", char_1_global, "char_2_global:", char_2_global)
    print("array_1_global[8]:", array_1_global[8], "array_2_global[8][7]:", array_2_global[8][7])
    r = record_global
    print("record_global:", r.discriminant, r.enum_value, r.int_value, r.string_value)
    n = r.next_record
    print("record_global.next_record:", n.discriminant, n.enum_value, n.int_value, n.string_value)
    print("locals:", int_1, int_2, int_3, enum_local, string_2)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 550000)
