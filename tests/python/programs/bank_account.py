# A bank simulation: accounts with validation, transfers that must be
# atomic, an exception hierarchy, a transaction log, and a final statement.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.shortfall = amount - account.balance
class Account:
    next_number = 1000
    def __init__(self, owner, balance=0):
        if balance < 0:
            raise ValueError("opening balance must be non-negative")
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = [("open", balance)]
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid deposit {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account({self.number}, {self.owner!r}, {self.balance})"
class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, owner, balance=0):
        acct = Account(owner, balance)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(amount)
        except InsufficientFunds as e:
            self.log.append(f"FAILED {src}->{dst} {amount}: short by {e.shortfall}")
            raise
        b.deposit(amount)
        self.log.append(f"OK {src}->{dst} {amount}")
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob")
carol = bank.open("carol", 250)
ops = [(alice.number, bob.number, 30), (bob.number, carol.number, 50), (carol.number, alice.number, 200),
       (alice.number, carol.number, 500), (bob.number, alice.number, 30)]
for src, dst, amt in ops:
    try:
        bank.transfer(src, dst, amt)
    except BankError as e:
        print("error:", e)
for bad in [lambda: alice.deposit(-5), lambda: bank.open("dave", -1), lambda: bank.transfer(1, 2, 3)]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
print("\n".join(bank.log))
for acct in sorted(bank.accounts.values(), key=lambda a: -a.balance):
    print(acct, acct.history)
print("total", bank.total())
