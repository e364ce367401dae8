# ruleid: python-cors-allow-all
CORS_ALLOW_ALL_ORIGINS = True
# ruleid: python-cors-allow-all
CORS(app, origins="*", supports_credentials=True)
# ok: python-cors-allow-all
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# ok: python-cors-allow-all
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
