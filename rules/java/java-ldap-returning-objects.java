// ruleid: java-ldap-returning-objects
SearchControls sc = new SearchControls(SearchControls.SUBTREE_SCOPE, 0, 0, new String[] {"cn", "mail"}, true, false);
// ruleid: java-ldap-returning-objects
controls.setReturningObjFlag(true);
// ok: java-ldap-returning-objects
SearchControls sc = new SearchControls(SearchControls.SUBTREE_SCOPE, 0, 0, new String[] {"cn", "mail"}, false, false);
// ok: java-ldap-returning-objects
controls.setReturningObjFlag(false);
