# ruleid: python-insecure-random
reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
# ruleid: python-insecure-random
otp = random.randint(100000, 999999)
# ok: python-insecure-random
reset_token = secrets.token_urlsafe(32)
# ok: python-insecure-random
delay = random.uniform(0.1, 0.5)
