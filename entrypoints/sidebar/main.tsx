// The sidebar frame: an extension page the content script shows in an iframe inside a
// closed shadow root. It fetches its data from the background itself (never through
// window.postMessage, which the news page could read or forge) and talks to its tab's
// content script through the extension's messaging (components/sidebar/SidebarApp.tsx).
import { render } from 'preact';
import { loadState, SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';
import '../../components/figures/figures.css';

// Asked before the first render: the frame's scripts, styles and first render take tens of
// milliseconds, and the background's answer can travel meanwhile.
render(<SidebarApp firstState={loadState(undefined)} />, document.getElementById('app')!);
