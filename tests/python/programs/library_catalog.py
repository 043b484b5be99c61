# A library catalogue: books and members as classes, loans with due days,
# fines computed on return, search by author/title substring, reports
# grouped and sorted several ways, and errors for invalid operations.
class LibraryError(Exception):
    pass
class Book:
    def __init__(self, isbn, title, author, year):
        self.isbn, self.title, self.author, self.year = isbn, title, author, year
        self.borrower = None
    def __repr__(self):
        return f"Book({self.title!r}, {self.year})"
class Member:
    LIMIT = 2
    def __init__(self, name):
        self.name = name
        self.loans = {}
        self.fines = 0
class Library:
    LOAN_DAYS, FINE_PER_DAY = 14, 25
    def __init__(self, books):
        self.books = {b.isbn: b for b in books}
        self.members = {}
        self.day = 0
    def join(self, name):
        self.members[name] = Member(name)
    def lend(self, isbn, name):
        book, member = self.books[isbn], self.members[name]
        if book.borrower:
            raise LibraryError(f"{book.title!r} is already lent to {book.borrower.name}")
        if len(member.loans) >= member.LIMIT:
            raise LibraryError(f"{name} has reached the limit of {member.LIMIT} loans")
        if member.fines:
            raise LibraryError(f"{name} owes {member.fines} cents")
        book.borrower = member
        member.loans[isbn] = self.day + self.LOAN_DAYS
    def give_back(self, isbn):
        book = self.books[isbn]
        member = book.borrower
        if member is None:
            raise LibraryError(f"{book.title!r} is not on loan")
        late = max(0, self.day - member.loans.pop(isbn))
        member.fines += late * self.FINE_PER_DAY
        book.borrower = None
        return late
    def search(self, text):
        text = text.lower()
        return sorted((b for b in self.books.values() if text in b.title.lower() or text in b.author.lower()),
                      key=lambda b: (b.year, b.title))
books = [Book("1", "Dune", "Frank Herbert", 1965), Book("2", "Neuromancer", "William Gibson", 1984),
         Book("3", "Foundation", "Isaac Asimov", 1951), Book("4", "I, Robot", "Isaac Asimov", 1950),
         Book("5", "Count Zero", "William Gibson", 1986), Book("6", "Hyperion", "Dan Simmons", 1989)]
lib = Library(books)
for name in ("ann", "ben"):
    lib.join(name)
script = [("lend", "1", "ann"), ("lend", "3", "ann"), ("lend", "4", "ann"), ("lend", "1", "ben"), ("day", 20),
          ("return", "1"), ("return", "1"), ("lend", "2", "ann"), ("day", 5), ("return", "3"), ("lend", "2", "ben")]
for op, *args in script:
    try:
        if op == "lend":
            lib.lend(*args)
            print(f"day {lib.day}: lent {lib.books[args[0]].title} to {args[1]}")
        elif op == "return":
            late = lib.give_back(args[0])
            print(f"day {lib.day}: returned {lib.books[args[0]].title}, {late} days late")
        else:
            lib.day += args[0]
    except LibraryError as e:
        print(f"day {lib.day}: refused: {e}")
print({m.name: (sorted(m.loans), m.fines) for m in lib.members.values()})
print(lib.search("isaac"), lib.search("o"), lib.search("zzz"))
by_author = {}
for b in books:
    by_author.setdefault(b.author.split()[-1], []).append(b.title)
for author in sorted(by_author):
    print(f"{author:<8} {', '.join(sorted(by_author[author]))}")
print([b.title for b in sorted(books, key=lambda b: (-b.year, b.title))][:3])
