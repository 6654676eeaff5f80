# Uncaught error raised directly at module level.
print("before")
raise RuntimeError("module level failure")
