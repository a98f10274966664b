const { src, dest } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.svg', 'nodes/**/*.json', 'credentials/**/*.svg'], { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = copyIcons;
