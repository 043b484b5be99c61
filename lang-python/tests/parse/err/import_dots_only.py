import ..a
