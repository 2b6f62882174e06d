/** Implementation of the drop-in wrapper; not API, free to change. */
package io.ddbc.wrapper.internal;
