# -c with a multi-line program (newlines inside the argument).
