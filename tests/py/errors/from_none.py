# raise ... from None hides the context.
try:
    {}["missing"]
except KeyError:
    raise LookupError("nothing found") from None
