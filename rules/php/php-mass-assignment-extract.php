<?php
function render_page()
{
    $is_admin = false;
    // ruleid: php-mass-assignment-extract
    extract($_GET);
    // ruleid: php-mass-assignment-extract
    extract($_POST, EXTR_OVERWRITE);
    // ok: php-mass-assignment-extract
    extract($_POST, EXTR_PREFIX_ALL, 'p');
    // ok: php-mass-assignment-extract
    extract(['title' => 'Home', 'items' => []]);
    return $is_admin;
}
