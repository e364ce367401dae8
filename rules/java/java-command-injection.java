// ruleid: java-command-injection
Process p = Runtime.getRuntime().exec("ping -c 1 " + host);
// ruleid: java-command-injection
new ProcessBuilder("sh", "-c", cmd).start();
// ok: java-command-injection
new ProcessBuilder("ping", "-c", "1", host).start();
// ok: java-command-injection
Process p = Runtime.getRuntime().exec(new String[] {"git", "status"});
