<?php
// A change that adds only the sink: the unchanged source above is still reported.
// fixture-added-lines: 7-8
function export()
{
    $dir = $_POST['dir'];
    // ruleid: php-command-injection-flow
    system("tar czf /tmp/out.tgz " . $dir);
}
