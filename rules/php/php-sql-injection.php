<?php
// ruleid: php-sql-injection
$r = mysqli_query($db, "SELECT * FROM users WHERE id = " . $_GET['id']);
// ruleid: php-sql-injection
$sql = "SELECT * FROM orders WHERE customer = '$name'";
// ok: php-sql-injection
$stmt = $pdo->prepare('SELECT * FROM users WHERE id = ?');
// ok: php-sql-injection
$stmt->execute([$_GET['id']]);
