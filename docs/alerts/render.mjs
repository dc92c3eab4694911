// Renders <dir>/slack.json and <dir>/teams.json to <prefix>-slack.png and <prefix>-teams.png (docs/alerts/render).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.NODE_PATH, 'x.js'));
const { chromium } = require('playwright-core');
const [dir, prefix] = process.argv.slice(2);
const slack = JSON.parse(readFileSync(path.join(dir, 'slack.json'), 'utf8'));
const teams = JSON.parse(readFileSync(path.join(dir, 'teams.json'), 'utf8'));
const WIDTH = 360;

// The values of Microsoft's Teams light host config (AdaptiveCards samples/HostConfig/microsoft-teams-light.json)
// that the card's elements use: spacing, separator, fonts, and the container styles' colours.
const colors = {
  default: { default: '#ff252424', subtle: '#bf252424' }, dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' }, accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' }, warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};
const style = (backgroundColor) => ({ backgroundColor, foregroundColors: colors });
const hostConfig = {
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  fontStyles: {
    default: {
      fontFamily: "'Segoe UI', Tahoma, Geneva, Verdana, sans-serif",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  containerStyles: {
    default: style('#ffffff'), emphasis: style('#fff9f8f7'), accent: style('#C7DEF9'), good: style('#CCFFCC'),
    attention: style('#FFC5B2'), warning: style('#FFE2B2'),
  },
  actions: { maxActions: 6, spacing: 'Default', buttonSpacing: 8, actionsOrientation: 'Horizontal', actionAlignment: 'Left' },
  adaptiveCard: { allowCustomStyle: false },
};

// Slack: the blocks we send (header, section, divider, context) and the mrkdwn we use, as Slack lays them out.
const EMOJI = { ':red_circle:': '🔴', ':large_orange_circle:': '🟠', ':grey_question:': '❔', ':warning:': '⚠️' };
function mrkdwn(text) {
  // Our text is escaped for Slack (&amp; &lt; &gt;), which is also HTML: only our own <url|label> link is raw.
  let html = text.replace(/<(https?:[^|>]+)\|([^>]+)>/g, (m, url, label) => `<a href="${url}">${label}</a>`);
  html = html.replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s.,;:!?)])/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])/g, '$1<i>$2</i>')
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s.,;:!?)])/g, '$1<s>$2</s>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
    .replace(/\n/g, '<br>');
  return html;
}
const plain = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function slackHtml(payload) {
  const blocks = payload.blocks.map((block) => {
    switch (block.type) {
      case 'header': return `<div class="header">${plain(block.text.text)}</div>`;
      case 'section': return `<div class="section">${mrkdwn(block.text.text)}</div>`;
      case 'divider': return '<hr>';
      case 'context': return `<div class="context">${block.elements.map((e) => `<span>${mrkdwn(e.text)}</span>`).join(' ')}</div>`;
      default: throw new Error(`block type not rendered: ${block.type}`);
    }
  }).join('\n');
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: ${WIDTH}px; background: #fff; font: 15px/1.46668 Lato, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif; color: #1d1c1d; }
    .msg { display: flex; padding: 8px 12px 12px; } .avatar { width: 36px; height: 36px; border-radius: 6px; background: #611f69; color: #fff; font-weight: 700; font-size: 13px; display: flex; align-items: center; justify-content: center; flex: none; margin-right: 8px; }
    .who { font-weight: 900; } .who small { font-weight: 400; color: #616061; font-size: 12px; margin-left: 4px; }
    .body { min-width: 0; overflow-wrap: anywhere; } .header { font-size: 18px; font-weight: 900; line-height: 1.33; margin: 4px 0; }
    .section { margin: 4px 0; } .context { color: #616061; font-size: 13px; margin: 4px 0; } hr { border: 0; border-top: 1px solid #dddddd; margin: 8px 0; }
    a { color: #1264a3; text-decoration: none; } code { font-size: 12px; color: #e01e5a; background: #f6f6f6; border: 1px solid #dddddd; border-radius: 3px; padding: 0 3px; }
    </style><div class="msg"><div class="avatar">KA</div><div class="body"><div class="who">KA-05406 <small>APP 08:15</small></div>${blocks}</div></div>`;
}

function teamsHtml() {
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: ${WIDTH}px; background: #f5f5f5; font-family: 'Segoe UI', 'Noto Sans', sans-serif; }
    .who { font-size: 12px; color: #616161; padding: 8px 12px 4px; } #card { margin: 0 8px 8px; background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.14); overflow: hidden; }
    .ac-pushButton { border: 1px solid #e0e0e0; border-radius: 4px; background: #fff; color: #242424; font: 600 14px 'Segoe UI', 'Noto Sans', sans-serif; height: 32px; padding: 0 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    </style><div class="who">Workflows · 08:15</div><div id="card"></div>`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 600 }, deviceScaleFactor: 1 });
  await page.setContent(slackHtml(slack));
  await page.locator('.msg').screenshot({ path: `${prefix}-slack.png` });

  await page.setContent(teamsHtml());
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  const problems = await page.evaluate(([card, config]) => {
    const md = window.markdownit();
    window.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
    const adaptive = new window.AdaptiveCards.AdaptiveCard();
    adaptive.hostConfig = new window.AdaptiveCards.HostConfig(config);
    const context = new window.AdaptiveCards.SerializationContext();
    adaptive.parse(card, context);
    document.getElementById('card').appendChild(adaptive.render());
    // What the renderer itself objects to: parse events (unknown element, property or version) and validation.
    const events = [];
    for (let i = 0; i < context.eventCount; i++) {
      events.push(context.getEventAt(i).message);
    }
    const validation = adaptive.validateProperties();
    (validation.validationEvents ?? []).forEach((e) => events.push(e.message));
    return events;
  }, [teams.attachments[0].content, hostConfig]);
  if (problems.length) {
    console.error(`adaptivecards reports: ${problems.join('; ')}`);
  }
  await page.locator('body').screenshot({ path: `${prefix}-teams.png` });
} finally {
  await browser.close();
}
