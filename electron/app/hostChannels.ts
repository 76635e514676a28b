// Channels of the desktop host's own capabilities (not Backend verbs, so not in the Backend contract);
// shared by the preload and the main process so the name is written once.
export const HOST_PICK_FOLDER = 'host:pick-folder';
