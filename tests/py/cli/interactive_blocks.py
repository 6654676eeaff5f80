# -i: multi-line blocks, nested blocks, classes and a blank line ending each block.
