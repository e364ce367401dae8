import ldap
from ldap.filter import escape_filter_chars


def login(request):
    user = request.POST["username"]
    flt = "(&(objectClass=person)(uid=" + user + "))"
    # ruleid: python-ldap-injection
    conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt)
    safe = "(&(objectClass=person)(uid=%s))" % escape_filter_chars(user)
    # ok: python-ldap-injection
    conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, safe)
    # ok: python-ldap-injection
    conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(objectClass=person)")
