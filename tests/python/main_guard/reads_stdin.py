# A main program reading standard input line by line (from the sibling
# .stdin file) and summing the numbers it finds.
import sys
def main():
    total = 0
    lines = 0
    for line in sys.stdin:
        lines += 1
        for word in line.split():
            if word.lstrip("-").isdigit():
                total += int(word)
    print("lines", lines, "total", total)
if __name__ == "__main__":
    main()
