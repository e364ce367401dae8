<?php
function ldap_login($conn)
{
    $user = $_POST['user'];
    $dn = "uid=" . $user . ",ou=people,dc=example,dc=com";
    // ruleid: php-ldap-dn-injection
    $ok = ldap_bind($conn, $dn, $_POST['password']);
    // ruleid: php-ldap-dn-injection
    ldap_delete($conn, "cn=" . $_GET['cn'] . ",ou=groups,dc=example,dc=com");
    $safe = "uid=" . ldap_escape($user, '', LDAP_ESCAPE_DN) . ",ou=people,dc=example,dc=com";
    // ok: php-ldap-dn-injection
    $ok2 = ldap_bind($conn, $safe, $_POST['password']);
    // ok: php-ldap-dn-injection
    $svc = ldap_bind($conn, 'cn=reader,dc=example,dc=com', getenv_secret());
    return [$ok, $ok2, $svc];
}
