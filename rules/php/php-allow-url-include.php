<?php $title = 'Setup'; ?>
<p>Enable it for the exercise:</p>
<pre><code>
<!-- ok: php-allow-url-include -->
allow_url_include = On</code></pre>
