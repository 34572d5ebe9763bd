print("openfunnel-fake-server: not yet")
