# bytearray and bytes.hex/fromhex (beyond the bytes basics).
print(b"abc".hex(), bytes.fromhex("616263"), b"\x01\x02".hex())
print(bytearray(b"abc"), bytearray(2))
ba = bytearray(b"xyz")
ba[0] = 65
ba.append(33)
print(ba, bytes(ba), len(ba))
