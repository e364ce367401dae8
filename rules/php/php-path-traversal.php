<?php
function view()
{
    $page = $_GET['p'];
    // ruleid: php-path-traversal
    include 'pages/' . $page . '.php';
    // ok: php-path-traversal
    include 'pages/home.php';
    $file = basename($_GET['file']);
    // ok: php-path-traversal
    readfile('/srv/files/' . $file);
    // ruleid: php-path-traversal
    $data = file_get_contents('/srv/files/' . $_GET['file']);
    return $data;
}

function pick()
{
    $name = $_GET['name'];
    if (!in_array($name, ['a.txt', 'b.txt'], true)) {
        exit(1);
    }
    // ok: php-path-traversal
    readfile('/srv/files/' . $name);
}
