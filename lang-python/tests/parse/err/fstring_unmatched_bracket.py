x = f"{a["
