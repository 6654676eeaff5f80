# Nested loops over integer arithmetic: the eval loop, int add/mul/mod, local variables.
def kernel(n):
    acc = 0
    for i in range(n):
        x = i
        for j in range(200):
            x = (x * 31 + j) % 1000003
            if x & 1:
                acc += x >> 3
            else:
                acc -= j
    return acc

def collatz_steps(limit):
    best, best_n = 0, 0
    for n in range(1, limit):
        steps = 0
        m = n
        while m != 1:
            m = m // 2 if m % 2 == 0 else 3 * m + 1
            steps += 1
        if steps > best:
            best, best_n = steps, n
    return best, best_n

print("kernel", kernel(3000))
print("collatz", collatz_steps(30000))
