# A program read from stdin that fails: File "<stdin>", no source line in the traceback.
