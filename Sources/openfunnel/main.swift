print("openfunnel: not yet")
