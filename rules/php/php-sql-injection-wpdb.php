<?php
function my_plugin_lookup()
{
    global $wpdb;
    $slug = $_GET['slug'];
    // ruleid: php-sql-injection-wpdb
    $post = $wpdb->get_row("SELECT * FROM {$wpdb->posts} WHERE post_name = '$slug'");
    // ruleid: php-sql-injection-wpdb
    $wpdb->query("DELETE FROM {$wpdb->prefix}log WHERE id = " . $_POST['id']);
    // ok: php-sql-injection-wpdb
    $same = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$wpdb->posts} WHERE post_name = %s", $slug));
    $id = absint($_POST['id']);
    // ok: php-sql-injection-wpdb
    $wpdb->query("DELETE FROM {$wpdb->prefix}log WHERE id = " . $id);
    // ok: php-sql-injection-wpdb
    $count = $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->posts}");
    return [$post, $same, $count];
}
