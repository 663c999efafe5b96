import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../core/ipc/channels.js';

// One function per contract channel; the renderer never sees ipcRenderer itself.
const api = Object.freeze(Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])));

contextBridge.exposeInMainWorld('pedlab', api);
