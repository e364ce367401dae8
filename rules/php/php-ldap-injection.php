<?php
function auth($conn)
{
    $user = $_POST['username'];
    $filter = "(&(objectClass=person)(uid=" . $user . "))";
    // ruleid: php-ldap-injection
    $res = ldap_search($conn, BASE_DN, $filter);
    $safe = "(uid=" . ldap_escape($user, '', LDAP_ESCAPE_FILTER) . ")";
    // ok: php-ldap-injection
    $ok = ldap_search($conn, BASE_DN, $safe);
    // ok: php-ldap-injection
    $all = ldap_search($conn, BASE_DN, "(objectClass=person)");
    return [$res, $ok, $all];
}
