import os
import subprocess
from fastapi import FastAPI, Query


def lambda_handler(event, context):
    name = event["queryStringParameters"]["name"]
    # ruleid: python-command-injection
    os.system("convert " + name + " out.png")
    return {"statusCode": 200}


@app.get("/ping")
def ping(host: str = Query(...), count: int = 1):
    # ruleid: python-command-injection
    subprocess.run("ping -c 1 " + host, shell=True)
    # ok: python-command-injection
    subprocess.run("ping -c %d localhost" % count, shell=True)


async def aio(request):
    data = await request.post()
    # ruleid: python-command-injection
    await asyncio.create_subprocess_shell("echo " + data["msg"])


def task():
    editor = os.environ.get("EDITOR", "vi")
    # ruleid: python-command-injection
    os.system(editor + " notes.txt")
