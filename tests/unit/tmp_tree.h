/*
 * tmp_tree.h: removes a unit test's temporary directory and all it holds
 * (files, subdirectories; a symbolic link is removed, not followed), so
 * that every test cleans up the same way.
 */
#ifndef TEST_TMP_TREE_H
#define TEST_TMP_TREE_H

#include <glib.h>
#include <glib/gstdio.h>

static inline void test_tmp_tree_remove(const char *path)
{
	GDir *dir = g_dir_open(path, 0, NULL);
	const char *name;

	if (dir != NULL) {
		while ((name = g_dir_read_name(dir)) != NULL) {
			char *child = g_build_filename(path, name, NULL);

			if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
			    !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
				test_tmp_tree_remove(child);
			else
				g_remove(child);
			g_free(child);
		}
		g_dir_close(dir);
	}
	g_rmdir(path);
}

#endif
