<?php
function users($db, $pdo)
{
    $name = $_GET['name'];
    $sql = "SELECT id, email FROM users WHERE name = '" . $name . "'";
    // ruleid: php-sql-injection-flow
    $rows = mysqli_query($db, $sql);
    // ruleid: php-sql-injection-flow
    $all = $pdo->query("SELECT * FROM orders WHERE region = '{$_POST['region']}'");
    $stmt = $pdo->prepare("SELECT id FROM users WHERE name = ?");
    // ok: php-sql-injection-flow
    $stmt->execute([$name]);
    $id = (int) $_GET['id'];
    // ok: php-sql-injection-flow
    $one = $pdo->query("SELECT * FROM users WHERE id = " . $id);
    // ok: php-sql-injection-flow
    $quoted = $pdo->query("SELECT * FROM users WHERE name = " . $pdo->quote($name));
    return [$rows, $all, $one, $quoted];
}

