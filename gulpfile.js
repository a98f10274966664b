const { Transform } = require('stream');
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.' }).pipe(dest('dist'));
}

// Codex files are kept as X.codex.json so that "X.node" imports always resolve to the TypeScript
// source; n8n reads them as X.node.json next to X.node.js.
function copyCodex() {
	const rename = new Transform({
		objectMode: true,
		transform(file, _encoding, done) {
			file.basename = file.basename.replace(/\.codex\.json$/, '.node.json');
			done(null, file);
		},
	});
	return src('nodes/**/*.codex.json', { base: '.' }).pipe(rename).pipe(dest('dist'));
}

exports['build:icons'] = parallel(copyIcons, copyCodex);
