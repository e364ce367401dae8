import os
import sqlite3
import subprocess

import requests
from flask import Flask, request, send_file

from config import settings

app = Flask(__name__)
EXPORT_DIR = "/srv/exports"
RATES_URL = "https://rates.example.com/v1/latest"


def connect():
    return sqlite3.connect(settings.DATABASE_PATH)


def get_order(order_id):
    db = connect()
    cur = db.cursor()
    cur.execute("SELECT id, item, qty FROM orders WHERE id = ?", (order_id,))
    return cur.fetchone()


def search_orders(customer):
    db = connect()
    cur = db.cursor()
    cur.execute(f"SELECT id, item FROM orders WHERE customer = '{customer}'")
    return cur.fetchall()


def export_orders(filename):
    subprocess.run("tar czf /tmp/export.tgz " + filename, shell=True, check=True)


@app.get("/orders/export")
def download_export():
    name = request.args.get("name", "orders")
    archive = os.path.join(EXPORT_DIR, name + ".tgz")
    return send_file(archive)


def exchange_rates():
    return requests.get(RATES_URL, verify=False, timeout=10).json()
