<?php
function settings()
{
    $key = $_GET['key'];
    // ruleid: php-variable-variables
    $$key = $_GET['value'];
    // ruleid: php-variable-variables
    ${'cfg_' . $_GET['name']} = true;
    $field = $_GET['field'];
    if (!in_array($field, ['title', 'body'], true)) {
        return;
    }
    // ok: php-variable-variables
    $$field = trim($_GET['value']);
    $name = 'title';
    // ok: php-variable-variables
    $$name = 'Home';
}
