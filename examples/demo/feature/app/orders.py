import sqlite3
import subprocess

from config import settings


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
