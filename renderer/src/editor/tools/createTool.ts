import type { ToolName } from '../editorStore';
import { BoxTool } from './BoxTool';
import { BrushTool } from './BrushTool';
import { PolygonTool } from './PolygonTool';
import { ReshapeTool } from './ReshapeTool';
import { SelectTool } from './SelectTool';
import type { Tool, ToolContext } from './tool';

export function createTool(name: ToolName, ctx: ToolContext): Tool {
  switch (name) {
    case 'box':
      return new BoxTool(ctx);
    case 'brush':
    case 'eraser':
      return new BrushTool(ctx, name);
    case 'polygon':
      return new PolygonTool(ctx);
    case 'reshape':
      return new ReshapeTool(ctx);
    case 'select':
      return new SelectTool(ctx);
  }
}
