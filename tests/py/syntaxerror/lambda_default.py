# Non-default argument after default in lambda.
f = lambda a=1, b: a
