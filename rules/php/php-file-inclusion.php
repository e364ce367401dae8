<?php
// ruleid: php-file-inclusion
include($_GET['page'] . '.php');
// ruleid: php-file-inclusion
readfile('/var/files/' . $_GET['name']);
// ok: php-file-inclusion
readfile('/var/files/' . basename($_GET['name']));
// ok: php-file-inclusion
include __DIR__ . '/header.php';
