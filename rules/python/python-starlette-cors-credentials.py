from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
# ruleid: python-starlette-cors-credentials
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
)
# ok: python-starlette-cors-credentials
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])
# ok: python-starlette-cors-credentials
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
# ruleid: python-starlette-cors-credentials
middleware = [Middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)]
