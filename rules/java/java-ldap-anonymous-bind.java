Hashtable<String, String> env = new Hashtable<>();
// ruleid: java-ldap-anonymous-bind
env.put(Context.SECURITY_AUTHENTICATION, "none");
// ruleid: java-ldap-anonymous-bind
contextSource.setAnonymousReadOnly(true);
// ok: java-ldap-anonymous-bind
env.put(Context.SECURITY_AUTHENTICATION, "simple");
