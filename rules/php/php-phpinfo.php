<?php
if (isset($_GET['debug'])) {
    // ruleid: php-phpinfo
    phpinfo();
}
// ok: php-phpinfo
$version = phpversion();
