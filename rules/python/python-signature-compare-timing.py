import hashlib
import hmac


def verify(body, received_signature):
    expected = hmac.new(KEY, body, hashlib.sha256).hexdigest()
    # ruleid: python-signature-compare-timing
    if expected != received_signature:
        raise PermissionError()
    # ruleid: python-signature-compare-timing
    return hmac.new(KEY, body, hashlib.sha256).hexdigest() == request.headers["X-Signature"]


def verify_ok(body, received_signature):
    expected = hmac.new(KEY, body, hashlib.sha256).hexdigest()
    # ok: python-signature-compare-timing
    if not hmac.compare_digest(expected, received_signature):
        raise PermissionError()
    # ok: python-signature-compare-timing
    if received_signature == "":
        raise ValueError()
    # ok: python-signature-compare-timing
    return hashlib.sha256(body).hexdigest() == expected_checksum


def errors_ok(errors):
    # ok: python-signature-compare-timing
    return errors[0]["code"] == AccountErrorCode.JWT_SIGNATURE_EXPIRED.name


def signal_ok(sig):
    # ok: python-signature-compare-timing
    return sig == signal.SIGTERM
