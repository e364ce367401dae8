<?php
function contact()
{
    $from = $_POST['email'];
    $headers = "From: " . $from . "\r\nReply-To: " . $from;
    // ruleid: php-mail-header-injection
    mail('support@example.com', 'Contact form', $_POST['message'], $headers);
    $clean = filter_var($_POST['email'], FILTER_VALIDATE_EMAIL);
    // ok: php-mail-header-injection
    mail('support@example.com', 'Contact form', $_POST['message'], 'Reply-To: ' . $clean);
    // ok: php-mail-header-injection
    mail('support@example.com', 'Contact form', $_POST['message'], 'From: noreply@example.com');
}
