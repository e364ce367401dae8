<?php
function mirror()
{
    $repo = $_POST['repo'];
    // ruleid: php-argument-injection
    exec("git clone " . escapeshellarg($repo) . " /srv/mirror");
    // ok: php-argument-injection
    exec("git clone -- " . escapeshellarg($repo) . " /srv/mirror");
    // ruleid: php-argument-injection
    $p = new Process(['git', 'clone', $repo, '/srv/mirror']);
    // ok: php-argument-injection
    $q = new Process(['git', 'clone', '--', $repo, '/srv/mirror']);
    // ok: php-argument-injection
    $r = new Process(['git', 'fetch', 'origin']);
}
