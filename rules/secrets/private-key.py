# ruleid: private-key
KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake
-----END EC PRIVATE KEY-----"""
# ruleid: private-key
creds = {"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\n-----END PRIVATE KEY-----\n"}
# ok: private-key
if text.startswith("-----BEGIN RSA PRIVATE KEY-----"):
# ok: private-key
PEM_MARKER = "-----BEGIN PRIVATE KEY-----"
