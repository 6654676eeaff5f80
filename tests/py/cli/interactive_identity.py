# -i: each REPL statement is compiled on its own, so equal literals typed on
# different lines are different objects (unlike in a script, where they are merged).
s1 = 1000
s2 = 1000
print("script: s1 is s2 =", s1 is s2)
