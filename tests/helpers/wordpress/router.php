<?php
// Router for `php -S` serving Debian's WordPress for the integration tests. INTERTITLE_WP_ROOT is
// this run's root: links to /usr/share/wordpress and its own wp-config.php. ABSPATH names it,
// because WordPress's files, reached through the links, would otherwise find Debian's config
// (which reads /etc/wordpress). This run's wp-content (uploads) is INTERTITLE_WP_CONTENT.
$root = getenv('INTERTITLE_WP_ROOT');
define('ABSPATH', $root . '/');
$content = getenv('INTERTITLE_WP_CONTENT');
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '..') !== false) { http_response_code(400); return; }
if (strncmp($path, '/wp-content/', 12) === 0) {
    $file = $content . substr($path, 11);
    if (!is_file($file)) { http_response_code(404); echo "Not found\n"; return; }
    if (substr($file, -4) === '.php') { chdir(dirname($file)); require $file; return; }
    $types = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif', 'webp' => 'image/webp',
              'css' => 'text/css', 'js' => 'application/javascript', 'json' => 'application/json', 'svg' => 'image/svg+xml'];
    $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return;
}
if ($path !== '/' && file_exists($root . $path)) {
    if (is_dir($root . $path) && substr($path, -1) !== '/') { header('Location: ' . $path . '/', true, 301); return; }
    if (substr($path, -4) !== '.php') return false;   // a static file: the built-in server sends it
    chdir(dirname($root . $path));
    $_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = $path;
    $_SERVER['SCRIPT_FILENAME'] = $root . $path;
    require $root . $path;
    return;
}
// Pretty permalinks and /wp-json/… go to index.php.
chdir($root);
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
